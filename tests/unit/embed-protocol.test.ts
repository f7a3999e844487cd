import { describe, expect, it } from 'vitest';
import {
	NS,
	heightMessage,
	isOurs,
	isReady,
	parseHeight,
	parsePymPosition,
	parseScrollTo,
	parseViewport,
	pymMessage,
	readyMessage,
	scrollToMessage,
	viewportMessage
} from '$lib/embed/protocol';

describe('host → embed viewport messages', () => {
	it('accepts well-formed geometry', () => {
		expect(parseViewport({ ns: NS, type: 'viewport', top: -1200.5, height: 844 })).toEqual({
			top: -1200.5,
			height: 844
		});
	});

	it.each([
		['another script’s message', { type: 'viewport', top: 0, height: 800 }],
		['a wrong type', { ns: NS, type: 'height', top: 0, height: 800 }],
		['numbers as strings', { ns: NS, type: 'viewport', top: '0', height: '800' }],
		['NaN', { ns: NS, type: 'viewport', top: Number.NaN, height: 800 }],
		['Infinity', { ns: NS, type: 'viewport', top: Number.POSITIVE_INFINITY, height: 800 }],
		['an absurd offset', { ns: NS, type: 'viewport', top: 1e12, height: 800 }],
		['a tiny viewport', { ns: NS, type: 'viewport', top: 0, height: 3 }],
		['a string', 'viewport 0 800'],
		['null', null],
		[
			'HTML',
			{ ns: NS, type: 'viewport', top: 0, height: 800, html: '<img src=x onerror=alert(1)>' }
		]
	])('rejects %s', (_, data) => {
		const parsed = parseViewport(data);
		if (parsed) expect(Object.keys(parsed)).toEqual(['top', 'height']);
		else expect(parsed).toBeUndefined();
	});
});

describe('embed → host height messages', () => {
	it('round-trips a height, rounded up to whole pixels', () => {
		expect(parseHeight(heightMessage(5234.2))).toBe(5235);
	});

	it.each([[0], [-5], [1e9], [Number.NaN]])('rejects a height of %s', (height) => {
		expect(parseHeight({ ns: NS, type: 'height', height })).toBeUndefined();
	});
});

describe('what the loader reads (loader.ts, the host side)', () => {
	it('round-trips a point to scroll to, within a real document', () => {
		expect(parseScrollTo(scrollToMessage(2400.5))).toBe(2400.5);
		for (const y of [-1, 1e9, Number.NaN, '10'])
			expect(parseScrollTo({ ns: NS, type: 'scroll-to', y })).toBeUndefined();
		expect(parseScrollTo(heightMessage(2400))).toBeUndefined();
	});

	it('knows the frame’s ready message, and only messages of ours', () => {
		expect(isReady(readyMessage)).toBe(true);
		expect(isReady({ ns: 'other', type: 'ready' })).toBe(false);
		for (const data of [null, 'ready', { type: 'ready' }, 5]) expect(isOurs(data)).toBe(false);
		expect(isOurs(heightMessage(500))).toBe(true);
	});

	it('writes a viewport the embed reads back', () => {
		expect(parseViewport(viewportMessage(-300, 800))).toEqual({ top: -300, height: 800 });
	});
});

describe('pym.js', () => {
	it('writes pym child messages', () => {
		expect(pymMessage('story', 'height', '4120')).toBe('pymxPYMxstoryxPYMxheightxPYMx4120');
	});

	it('reads a pym parent’s viewport-iframe-position for its own id only', () => {
		const message = 'pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx1280 800 -350.5 0 4000 1280';
		expect(parsePymPosition(message, 'story')).toEqual({ top: -350.5, height: 800 });
		expect(parsePymPosition(message, 'other')).toBeUndefined();
		expect(
			parsePymPosition('pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx1280 x y', 'story')
		).toBeUndefined();
		expect(parsePymPosition({ top: 0 }, 'story')).toBeUndefined();
	});
});
