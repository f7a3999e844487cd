<?php
/**
 * Plugin Name: Flee, hide or fight: trusted embed
 * Description: Makes the story's addresses a trusted oEmbed provider. An author pastes the story's address; WordPress inserts the story's frame as the story gives it, unsandboxed and at its own height, instead of the sandboxed frame it makes for providers it does not know.
 * Version: 1.0.0
 * Requires at least: 5.9
 * License: MIT
 *
 * One file: copy it to wp-content/plugins/ (or wp-content/mu-plugins/) and activate it. Where the
 * story is published is its PUBLIC_SITE_URL: define FLEE_HIDE_OR_FIGHT_URL in wp-config.php, or
 * edit the default below. Without this plugin the story still works, in WordPress's sandboxed frame.
 */

defined( 'ABSPATH' ) || exit;

if ( ! defined( 'FLEE_HIDE_OR_FIGHT_URL' ) ) {
	define( 'FLEE_HIDE_OR_FIGHT_URL', 'https://example.org/graphics/2022/mobilization/' );
}

add_action(
	'init',
	function () {
		$base = trailingslashit( FLEE_HIDE_OR_FIGHT_URL );
		// The story and every page under it (an account's own address, ./oleg/) answer with the
		// story's oembed.json, a static file that ignores oEmbed's query.
		wp_oembed_add_provider( '#^' . preg_quote( $base, '#' ) . '.*$#i', $base . 'oembed.json', true );
	}
);
