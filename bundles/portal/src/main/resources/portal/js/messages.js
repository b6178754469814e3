// Every text of the portal, by language (one file each).
import { en } from './messages-en.js';
import { es } from './messages-es.js';

export const messages = { en, es };
