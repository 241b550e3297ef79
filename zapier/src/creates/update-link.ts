import { linkField } from '../fields/dropdowns';
import { linkWriteFields } from '../fields/links';
import { linkInput, optionalText, withoutBlanks } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [linkField({ helpText: 'The link to change.' }), ...linkWriteFields('update')];

export const updateLink = {
	key: 'update_link',
	noun: 'Link',
	display: {
		label: 'Update Link',
		description: 'Changes an existing short link: only the fields you fill in change.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) =>
			client.links.update(optionalText(bundle.inputData.linkId) ?? '', withoutBlanks(linkInput(bundle.inputData))),
		),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
