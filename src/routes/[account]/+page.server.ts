import { error } from '@sveltejs/kit';
import { ACCOUNT_IDS } from '$lib/content/schema';
import { accountShare } from '$lib/share/account-share.server';

// A page a social network can show on its own: plain HTML, no script. Its head is written by
// hooks.server.ts (AccountMeta), outside the Svelte tree like the story's.
export const csr = false;

export const entries = () => ACCOUNT_IDS.map((account) => ({ account }));

export function load({ params }) {
	const share = accountShare(params.account);
	if (!share) error(404, 'No such account');
	return share;
}
