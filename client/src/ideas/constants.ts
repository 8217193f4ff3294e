// DOM ids shared by the Idéer components.

/** The "new idea" textarea: focus returns here after a post-it is deleted. */
export const IDEA_INPUT_ID = 'new-idea-input';
