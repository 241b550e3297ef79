import { linkField } from '../fields/dropdowns';
import { linkWriteFields } from '../fields/links';
import { clearFieldsField, linkClearables } from '../fields/clear';
import { linkInput, optionalText, withClears } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [linkField({ helpText: 'The link to change.' }), ...linkWriteFields('update'), clearFieldsField('link', linkClearables)];

export const updateLink = {
	key: 'update_link',
	noun: 'Link',
	display: {
		label: 'Update Link',
		description: 'Changes an existing short link: only the fields you fill in change, and the ones you choose in Clear Fields are emptied.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.links.update(optionalText(bundle.inputData.linkId) ?? '', withClears(linkInput(bundle.inputData), bundle.inputData, linkClearables)),
		),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
