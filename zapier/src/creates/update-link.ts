import { shortCodeFrom } from '../../../core';
import { clearFieldsField, linkClearables } from '../fields/clear';
import { activeField, destinationField, linkDetailFields, shortCodeField } from '../fields/links';
import { linkPicker } from '../fields/pickers';
import { linkUpdateInput } from '../link-input';
import { linkOutputFields } from '../output-fields/link';
import { linkOutputOf } from '../outputs/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [
	linkPicker({ helpText: 'The link to change: pick it, or map its short code or short URL.' }),
	destinationField('update'),
	shortCodeField('update'),
	...linkDetailFields('update'),
	activeField('update'),
	clearFieldsField(linkClearables),
];

export const updateLink = {
	key: 'update_link',
	noun: 'Link',
	display: {
		label: 'Update Link',
		description: 'Changes a short link: only the fields you fill in, and renames it when you give a new short code.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const code = shortCodeFrom('link', bundle.inputData.link);
			const input = await linkUpdateInput(client, bundle.inputData, code);
			return await linkOutputOf(client, await client.links.update(code, input));
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
