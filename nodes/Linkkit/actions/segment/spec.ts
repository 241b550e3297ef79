/** Segments as Linkkit's app calls them; the API calls them lists (`/v1/lists`, a link's `list_id`). */

import type { NamedResourceSpec } from '../common/named-resource';

export const segmentSpec: NamedResourceSpec = {
	resource: 'segment',
	singular: 'segment',
	idField: 'segmentId',
	kind: 'segment',
	label: 'Segment',
	api: (client) => client.segments,
	fields: [{ displayName: 'Color', name: 'color', type: 'color', default: '', placeholder: '#3B82F6', description: "The segment's colour in Linkkit, as #RRGGBB" }],
};
