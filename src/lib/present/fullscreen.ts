/** F: the whole screen for the deck, and back. A browser that refuses (no gesture) is left as it is. */
export function toggleFullscreen(doc: Document = document): void {
	if (doc.fullscreenElement) void doc.exitFullscreen();
	else void doc.documentElement.requestFullscreen?.().catch(() => {});
}

/** Escape leaves fullscreen where the browser has not already. */
export function leaveFullscreen(doc: Document = document): void {
	if (doc.fullscreenElement) void doc.exitFullscreen();
}
