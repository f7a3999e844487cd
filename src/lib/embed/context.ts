import { getContext, setContext } from 'svelte';
import type { HostViewport } from './host-viewport.svelte';

const KEY = Symbol('host-viewport');

/** Inside an embed frame, what the reader sees is told by the host: components ask here. */
export const setHostViewport = (host: HostViewport | undefined) => setContext(KEY, host);
export const getHostViewport = () => getContext<HostViewport | undefined>(KEY);
