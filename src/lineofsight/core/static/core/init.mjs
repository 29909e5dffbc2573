// Progressive enhancement only: every page reads fully without JavaScript.
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
