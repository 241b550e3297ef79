// Zapier loads the app from this file. The TypeScript app and the shared core it uses (../core) are compiled
// together into lib/ by `npm run build` (tsc with rootDir ".."), so the zip carries both.
module.exports = require('./lib/zapier/src/index').default;
