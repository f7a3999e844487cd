/**
 * WordPress's embed protocol, spoken from the story's frame. WordPress wraps an oEmbed frame from a
 * provider it does not know in `sandbox="allow-scripts"`, appends `#?secret=…` to its address, and
 * its `wp-embed.js` listens for `{ message: 'height' | 'link', value, secret }`: a height (clamped
 * to 200–1000 px) and a link to follow in the top window (only to the frame's own host, and only
 * while the frame has the focus). It says `{ message: 'ready', secret }` when it loads. Nothing
 * received is used but the fact that WordPress is ready.
 */

/** WordPress's secrets are letters and digits (wp_generate_password(10, false)). */
const SECRET = /^[A-Za-z0-9]{1,64}$/;

/** The secret WordPress appended to the frame's address (`#?secret=abc`), if any. */
export function wpSecret(hash: string): string | undefined {
	const match = /^#\?secret=([^&]*)$/.exec(hash);
	return match && SECRET.test(match[1]!) ? match[1] : undefined;
}

export interface WpMessage {
	message: 'height' | 'link';
	value: number | string;
	secret: string;
}

/** wp-embed.js's limits: a frame is never shorter than 200 or taller than 1000 px. */
export const WP_HEIGHT = { min: 200, max: 1000 };

/**
 * The height the frame asks for: most of the reader's screen, where the story scrolls inside the
 * frame as on its own page (a screenful on a phone, a column on a desktop), within WordPress's
 * limits and never below what shows the graphic and a few lines.
 */
export function frameHeight(screenHeight: number): number {
	const wanted = Math.round(screenHeight * 0.8);
	return Math.min(WP_HEIGHT.max, Math.max(480, Number.isFinite(wanted) ? wanted : 0));
}

/** Whether a message is WordPress's `ready` for this frame's secret. */
export function isWpReady(data: unknown, secret: string): boolean {
	if (typeof data !== 'object' || data === null) return false;
	const m = data as Record<string, unknown>;
	return m.message === 'ready' && m.secret === secret;
}

/**
 * Speaks wp-embed from the frame: sends the height now, again whenever WordPress says it is ready
 * (its script may load after the frame) and when the reader's screen changes, and sends links as
 * `link` messages for WordPress to follow in the top window: a sandboxed frame may neither open a
 * window nor navigate the page. Returns what undoes it.
 */
export function connectWpEmbed(win: Window, secret: string): () => void {
	const send = (message: WpMessage['message'], value: WpMessage['value']) =>
		win.parent.postMessage({ message, value, secret } satisfies WpMessage, '*');
	// The screen less the system's bars: on a desktop the window is smaller still, by its own bars.
	const sendHeight = () => send('height', frameHeight(win.screen.availHeight));
	const onMessage = (event: MessageEvent) => {
		if (event.source === win.parent && isWpReady(event.data, secret)) sendHeight();
	};
	const onClick = (event: MouseEvent) => {
		// Links that leave the story (a target of their own); its chapters scroll the frame.
		const link = (event.target as Element | null)?.closest?.<HTMLAnchorElement>('a[href][target]');
		if (!link) return;
		const url = new URL(link.href, win.location.href);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
		event.preventDefault();
		send('link', url.href);
	};
	win.addEventListener('message', onMessage);
	win.addEventListener('resize', sendHeight);
	win.document.addEventListener('click', onClick);
	sendHeight();
	return () => {
		win.removeEventListener('message', onMessage);
		win.removeEventListener('resize', sendHeight);
		win.document.removeEventListener('click', onClick);
	};
}
