import type { Account, AccountId, Content, Figure, FigureId } from '$lib/content/schema';

export type StepId = 'intro' | AccountId;

export interface StorySection {
	id: AccountId;
	/** "Konstantin and Roman": the chapter control's name for it. */
	short: string;
	/** "Konstantin Ilin (37) and Roman Matvejev (36)" */
	who: string;
	/** "Ulan-Ude, Buryatia"; "Moscow, fled to Uzbekistan" */
	where: string;
	quote: string;
	paragraphs: string[];
	people: Account['people'];
}

export interface Story {
	headline: string;
	dek: string;
	title: string;
	description: string;
	source: Content['source'];
	labels: Content['labels'];
	intro: string[];
	sections: StorySection[];
	figures: Record<FigureId, Figure>;
	/** The scroll steps in reading order: the intro, then each account. */
	steps: StepId[];
}

export function sectionOf(account: Account): StorySection {
	return {
		id: account.id,
		short: account.short,
		who: account.people.map((p) => `${p.name} (${p.age})`).join(' and '),
		where: [account.place, account.region, account.journey].filter(Boolean).join(', '),
		quote: account.quote,
		paragraphs: account.paragraphs,
		people: account.people
	};
}

/** Content → Story: pure, no DOM, so the page, the embed and the presenter share one model. */
export function buildStory(content: Content): Story {
	const sections = content.accounts.map(sectionOf);
	const figures = Object.fromEntries(content.figures.map((f) => [f.id, f])) as Record<FigureId, Figure>;
	return {
		headline: content.headline,
		dek: content.dek,
		title: content.title,
		description: content.description,
		source: content.source,
		labels: content.labels,
		intro: content.intro,
		sections,
		figures,
		steps: ['intro', ...sections.map((s) => s.id)]
	};
}
