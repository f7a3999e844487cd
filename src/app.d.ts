// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Locals {
			/**
			 * The head tags of a page that writes its own (an account's share page, set by its load):
			 * plain HTML, with no map and no script to start after the first paint. Other pages get
			 * the story's (hooks.server.ts).
			 */
			ownHead?: string;
		}
	}
}

export {};
