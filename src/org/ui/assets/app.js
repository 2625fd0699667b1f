// The client entry of every signed-in page (and the login page). Each behaviour is a small module
// wired by data-gl-* attributes through listeners delegated on the document, so markup that
// arrives later (lazy regions, "Load more") works without re-initialisation.
// Page-specific behaviour goes in its own module, listed in the page's `scripts` (see
// src/org/ui/README.md), never here.
import { installAuraError } from './lib/auraError.js';
import { installDialogs } from './lib/dialogs.js';
import { loadLazyRegions } from './lib/lazyRegions.js';
import { installLinkButtons } from './lib/linkButtons.js';
import { installListViews } from './lib/listView.js';
import { installMenus } from './lib/menus.js';
import { installNavMenu } from './lib/navMenu.js';
import { installSearchBox } from './lib/searchBox.js';
import { showQueuedToast } from './lib/toasts.js';

installAuraError(document);
installMenus(document);
installDialogs(document);
installNavMenu(document);
installSearchBox(document);
installListViews(document);
installLinkButtons(document);
loadLazyRegions(document);
showQueuedToast();
