/** Tags: named, coloured labels of the workspace (Linkkit documents no way to attach one to a link). */

import type { NamedResourceSpec } from '../common/named-resource';

export const tagSpec: NamedResourceSpec = {
	resource: 'tag',
	singular: 'tag',
	idField: 'tagId',
	kind: 'tag',
	label: 'Tag',
	api: (client) => client.tags,
	fields: [{ displayName: 'Color', name: 'color', type: 'color', default: '', placeholder: '#FF5733', description: "The tag's colour in Linkkit, as #RRGGBB" }],
};
