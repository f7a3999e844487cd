import type { Account, AccountId, Content, Figure, FigureId } from '$lib/content/schema';

export type StepId = 'intro' | AccountId;

/** A figure's callout, set after the paragraph whose sentence states it. */
export interface FigurePlacement {
	/** Index of the paragraph it follows. */
	after: number;
	figure: Figure;
}

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
	figures: FigurePlacement[];
}

export interface Story {
	headline: string;
	dek: string;
	title: string;
	description: string;
	source: Content['source'];
	labels: Content['labels'];
	intro: string[];
	introFigures: FigurePlacement[];
	sections: StorySection[];
	figures: Record<FigureId, Figure>;
	/** The scroll steps in reading order: the intro, then each account. */
	steps: [StepId, ...StepId[]];
}

/** Each figure goes after the paragraph that holds its source sentence. */
export function placeFigures(paragraphs: string[], figures: Figure[]): FigurePlacement[] {
	return figures.flatMap((figure) => {
		const after = paragraphs.findIndex((p) => p.includes(figure.sentence));
		return after < 0 ? [] : [{ after, figure }];
	});
}

export function sectionOf(account: Account, figures: Figure[] = []): StorySection {
	return {
		id: account.id,
		short: account.short,
		who: account.people.map((p) => `${p.name} (${p.age})`).join(' and '),
		where: [account.place, account.region, account.journey].filter(Boolean).join(', '),
		quote: account.quote,
		paragraphs: account.paragraphs,
		people: account.people,
		figures: placeFigures(account.paragraphs, figures)
	};
}

/** Content → Story: pure, no DOM, so the page, the embed and the presenter share one model. */
export function buildStory(content: Content): Story {
	const sections = content.accounts.map((a) => sectionOf(a, content.figures));
	const figures = Object.fromEntries(content.figures.map((f) => [f.id, f])) as Record<
		FigureId,
		Figure
	>;
	return {
		headline: content.headline,
		dek: content.dek,
		title: content.title,
		description: content.description,
		source: content.source,
		labels: content.labels,
		intro: content.intro,
		introFigures: placeFigures(content.intro, content.figures),
		sections,
		figures,
		steps: ['intro', ...sections.map((s) => s.id)]
	};
}

/**
 * What the story's hydrated parts read in the browser: the steps, the chapters' names, the labels
 * and each figure's value. The words are in the page's HTML only, written by static parts from
 * the whole story on the server (story.server.ts).
 */
export interface BrowserStory {
	steps: Story['steps'];
	labels: Story['labels'];
	sections: Pick<StorySection, 'id' | 'short'>[];
	figures: Record<FigureId, Pick<Figure, 'value'>>;
}

export function browserStory({ steps, labels, sections, figures }: Story): BrowserStory {
	return {
		steps,
		labels,
		sections: sections.map(({ id, short }) => ({ id, short })),
		figures: Object.fromEntries(
			Object.entries(figures).map(([id, { value }]) => [id, { value }])
		) as BrowserStory['figures']
	};
}
