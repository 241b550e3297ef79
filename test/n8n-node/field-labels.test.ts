import { fieldLabel } from '../../nodes/Linkkit/transport/field-labels';

describe('API field names shown as node labels', () => {
	it.each([
		['destination', 'Destination URL'],
		['utm.source', 'UTM Source'],
		['rules[1].value', 'Rules › Rule 2 › Value'],
		['rules[0].field', 'Rules › Rule 1 › Visitor Property'],
		['fields', 'Update Fields'],
		['segmentRoutes[0].destination', 'Segment Routes › Route 1 › Destination URL'],
		['somethingNew', 'somethingNew'],
	])('%s → %s', (field, label) => expect(fieldLabel(field)).toBe(label));
});
