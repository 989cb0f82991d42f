/**
 * zod compiles object parsers with `new Function` when the page allows it, and finds out by
 * trying once, as soon as the contract's schemas are built. The page's CSP has no 'unsafe-eval',
 * so that try is a CSP violation. The renderer never needs zod's speed, so tell it not to try.
 * Imported (for this side effect) before anything that imports the contract.
 */
import { z } from 'zod'

z.config({ jitless: true })
