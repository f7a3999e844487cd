import {
	heightMessage,
	readyMessage,
	scrollToMessage,
	parsePymPosition,
	parseViewport,
	pymMessage,
	type HostGeometry
} from './protocol';

/**
 * The host page's viewport, seen from inside the embed's frame. A frame as tall as its content
 * never scrolls itself, so IntersectionObserver and position: sticky see nothing move; the host's
 * geometry (from embed.js, or from a pym.js parent) says what the reader actually sees.
 */
export class HostViewport {
	/** Top of the reader's view, in this document's coordinates. */
	top = $state(0);
	/** Height of the reader's view (the host's viewport). */
	height = $state(0);
	/** False until a valid geometry message arrives: until then the story stays in its static layout. */
	known = $state(false);
	/** A pym.js parent's id for the frame, from the address it gave it: read once, never changes. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- nothing here is reactive
	#pymId = new URLSearchParams(location.search).get('childId');

	#apply(geometry: HostGeometry | undefined) {
		if (!geometry) return;
		this.top = -geometry.top;
		this.height = geometry.height;
		this.known = true;
	}

	/**
	 * Brings `target` to the top of the reader's view, below the graphic where the graphic holds
	 * the top. The frame never scrolls, so the host does: the loader, or a pym parent.
	 */
	jump(target: HTMLElement) {
		const graphic = document.querySelector('[data-graphic]')?.getBoundingClientRect();
		const box = target.getBoundingClientRect();
		const above =
			graphic && graphic.left < box.right && box.left < graphic.right ? graphic.height : 0;
		const y = Math.max(
			0,
			Math.round(
				box.top + scrollY - above - parseFloat(getComputedStyle(document.documentElement).fontSize)
			)
		);
		window.parent.postMessage(scrollToMessage(y), '*');
		if (this.#pymId)
			window.parent.postMessage(pymMessage(this.#pymId, 'scrollToChildPos', String(y)), '*');
	}

	/**
	 * Reports the content height to the parent (ours and pym's protocol) and listens for the
	 * parent's geometry. Only messages from the parent window are read, and only numbers in them.
	 */
	connect(): () => void {
		const parent = window.parent;
		const pymId = this.#pymId;
		const onMessage = (event: MessageEvent) => {
			if (event.source !== parent) return;
			this.#apply(
				pymId
					? (parsePymPosition(event.data, pymId) ?? parseViewport(event.data))
					: parseViewport(event.data)
			);
		};
		window.addEventListener('message', onMessage);

		// Measure the root element, not body.offsetHeight: collapsing margins would cut the frame short.
		let last = 0;
		const report = () => {
			const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
			if (height === last) return;
			last = height;
			parent.postMessage(heightMessage(height), '*');
			if (pymId) parent.postMessage(pymMessage(pymId, 'height', String(height)), '*');
		};
		const sizes = new ResizeObserver(report);
		sizes.observe(document.documentElement);
		report();

		// A pym parent tells the frame's position only when asked (or, with trackscroll, on scroll).
		const asking = pymId
			? setInterval(() => parent.postMessage(pymMessage(pymId, 'parentPositionInfo'), '*'), 100)
			: undefined;
		parent.postMessage(readyMessage, '*');

		return () => {
			window.removeEventListener('message', onMessage);
			sizes.disconnect();
			clearInterval(asking);
		};
	}
}
