export { storyPageData as load } from '$lib/story/page-data.server';
