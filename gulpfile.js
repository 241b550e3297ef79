// Copies the node and credential icons (SVG, light and dark) and the nodes' codex files (*.node.json)
// next to the compiled code in dist/,
// where package.json's `n8n` entries and the `icon` properties expect them.
const { src, dest } = require('gulp');

function buildIcons() {
	return src(['nodes/**/*.svg', 'credentials/**/*.svg', 'nodes/**/*.png', 'credentials/**/*.png', 'nodes/**/*.node.json'], {
		base: '.',
		allowEmpty: true,
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = buildIcons;
