/**
 * The whole UI dictionary for a test, imported for its effect (`import '…/support/web-messages.ts'`): the browser
 * loads it with the first page past the login (src/web/i18n.ts); a test that renders a page or reads a capability's
 * text loads both languages first.
 */
import { loadMessages } from '../../src/web/i18n.ts';

await Promise.all([loadMessages('sv'), loadMessages('en')]);
