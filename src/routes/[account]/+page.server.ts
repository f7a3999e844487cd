import { error } from '@sveltejs/kit';
import { render } from 'svelte/server';
import AccountMeta from '$lib/components/AccountMeta.svelte';
import { ACCOUNT_IDS } from '$lib/content/schema';
import { accountShare } from '$lib/share/account-share.server';

// A page a social network can show on its own: plain HTML, no script. Its head (title, share
// tags) is rendered here, outside the Svelte tree like the story's (hooks.server.ts writes it).
export const csr = false;

export const entries = () => ACCOUNT_IDS.map((account) => ({ account }));

export function load({ params, locals }) {
	const share = accountShare(params.account);
	if (!share) error(404, 'No such account');
	locals.ownHead = render(AccountMeta, { props: { share } }).head;
	return share;
}
