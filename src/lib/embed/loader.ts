// embed.js: put <script async src="…/embed.js"></script> where the story should appear.
// It inserts a frame to …/embed/ (next to this script, so any path works), sizes it to its content
// and tells it where it sits in this page, so the story's steps and sticky graphic follow this
// page's scrolling. Options on the script tag: data-theme="light|dark", data-title="…",
// data-target="#css-selector" (where to put the frame, if not here).
// Security: messages are read only from the frame's own window and origin, and only numbers are
// taken from them (protocol.ts): its height, and a point in it to scroll to (its chapter links: the
// frame is as tall as its content and cannot scroll itself). Nothing received is run or inserted
// as HTML. Bundled into one script of its own by vite/script-bundle.ts.
import { isOurs, isReady, parseHeight, parseScrollTo, viewportMessage } from './protocol';

/** The frame's title where the script tag gives none: the story's, set as the loader is served. */
const TITLE = '__TITLE__';

const script = document.currentScript as HTMLScriptElement | null;
if (script?.src) {
	const base = new URL('./', script.src);
	const origin = base.origin;
	const theme = script.getAttribute('data-theme');
	const src = new URL('embed/', base);
	if (theme === 'light' || theme === 'dark') src.searchParams.set('theme', theme);

	const frame = document.createElement('iframe');
	frame.src = src.href;
	frame.title = script.getAttribute('data-title') || TITLE;
	frame.loading = 'lazy';
	frame.setAttribute('scrolling', 'no');
	frame.style.cssText = 'display:block;width:100%;height:100vh;border:0;overflow:hidden';
	const target = script.getAttribute('data-target');
	const place = target && document.querySelector(target);
	if (place) place.appendChild(frame);
	else script.before(frame);

	let ready = false;
	let queued = false;
	const send = () => {
		queued = false;
		if (!ready || !frame.contentWindow) return;
		const box = frame.getBoundingClientRect();
		frame.contentWindow.postMessage(viewportMessage(box.top, window.innerHeight), origin);
	};
	const queue = () => {
		if (!queued) {
			queued = true;
			requestAnimationFrame(send);
		}
	};
	addEventListener('scroll', queue, { passive: true });
	addEventListener('resize', queue, { passive: true });
	addEventListener('message', (event) => {
		if (event.origin !== origin || event.source !== frame.contentWindow) return;
		if (!isOurs(event.data)) return;
		if (isReady(event.data)) ready = true;
		const height = parseHeight(event.data);
		if (height !== undefined) frame.style.height = `${height}px`;
		const y = parseScrollTo(event.data);
		if (y !== undefined) {
			scrollTo({
				top: frame.getBoundingClientRect().top + scrollY + y,
				behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth'
			});
		}
		queue();
	});
}
