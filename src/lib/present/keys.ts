import { commandForKey, type Command } from './slides';

/** A key with a modifier is the browser's or the system's (Ctrl+R, Alt+←), never the deck's. */
const modified = (event: KeyboardEvent) => event.altKey || event.ctrlKey || event.metaKey;

/** The presenter's command for a key, if it is one. */
export function presenterCommand(event: KeyboardEvent): Command | undefined {
	return modified(event) ? undefined : commandForKey(event.key);
}

/**
 * The command a key pressed in the speaker view sends to the presenter's window, if any: not
 * where the speaker types (the talk's length) or presses a button, and not fullscreen or another
 * speaker view, which are the presenter window's own.
 */
export function speakerCommand(event: KeyboardEvent): Command | undefined {
	if (modified(event)) return undefined;
	const { target } = event;
	if (isElement(target, 'INPUT')) return undefined;
	if (isElement(target, 'BUTTON') && (event.key === ' ' || event.key === 'Enter')) return undefined;
	const command = commandForKey(event.key);
	return command === 'fullscreen' || command === 'speaker' ? undefined : command;
}

const isElement = (target: EventTarget | null, tag: string) =>
	(target as Element | null)?.tagName === tag;
