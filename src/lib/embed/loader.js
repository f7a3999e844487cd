// embed.js: put <script async src="…/embed.js"></script> where the story should appear.
// It inserts a frame to …/embed/ (next to this script, so any path works), sizes it to its content
// and tells it where it sits in this page, so the story's steps and sticky graphic follow this
// page's scrolling. Options on the script tag: data-theme="light|dark", data-title="…",
// data-target="#css-selector" (where to put the frame, if not here).
// Security: messages are read only from the frame's own window and origin, and only numbers are
// taken from them: its height, and a point in it to scroll to (its chapter links: the frame is as
// tall as its content and cannot scroll itself). Nothing received is run or inserted as HTML.
(function () {
	var NS = 'mobilization-voices';
	var script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
	if (!script || !script.src) return;
	var base = new URL('./', script.src);
	var origin = base.origin;
	var theme = script.getAttribute('data-theme');
	var src = new URL('embed/', base);
	if (theme === 'light' || theme === 'dark') src.searchParams.set('theme', theme);

	var frame = document.createElement('iframe');
	frame.src = src.href;
	frame.title = script.getAttribute('data-title') || '__TITLE__';
	frame.loading = 'lazy';
	frame.setAttribute('scrolling', 'no');
	frame.style.cssText = 'display:block;width:100%;height:100vh;border:0;overflow:hidden';
	var target = script.getAttribute('data-target');
	var place = target && document.querySelector(target);
	if (place) place.appendChild(frame);
	else script.before(frame);

	var ready = false;
	var queued = false;
	function send() {
		queued = false;
		if (!ready || !frame.contentWindow) return;
		var box = frame.getBoundingClientRect();
		frame.contentWindow.postMessage(
			{ ns: NS, type: 'viewport', top: box.top, height: window.innerHeight },
			origin
		);
	}
	function queue() {
		if (!queued) {
			queued = true;
			requestAnimationFrame(send);
		}
	}
	window.addEventListener('scroll', queue, { passive: true });
	window.addEventListener('resize', queue, { passive: true });
	window.addEventListener('message', function (event) {
		if (event.origin !== origin || event.source !== frame.contentWindow) return;
		var data = event.data;
		if (!data || data.ns !== NS) return;
		if (data.type === 'ready') ready = true;
		var height = data.height;
		if (data.type === 'height' && typeof height === 'number' && height >= 100 && height <= 200000) {
			frame.style.height = Math.ceil(height) + 'px';
		}
		var y = data.y;
		if (data.type === 'scroll-to' && typeof y === 'number' && y >= 0 && y <= 200000) {
			window.scrollTo({
				top: frame.getBoundingClientRect().top + window.scrollY + y,
				behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth'
			});
		}
		queue();
	});
})();
