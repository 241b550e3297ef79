import { linkField } from '../fields/dropdowns';
import { optionalText } from '../inputs';
import { deletedLinkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';
import { deletedLinkSample } from '../samples/derived';

const inputFields = [linkField({ helpText: 'The link to delete. Its short URL stops working and its clicks are removed.' })];

export const deleteLink = {
	key: 'delete_link',
	noun: 'Link',
	display: {
		label: 'Delete Link',
		description: 'Deletes a short link; its short URL stops working.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, (client, bundle) => client.links.delete(optionalText(bundle.inputData.linkId) ?? '')),
		sample: deletedLinkSample,
		outputFields: deletedLinkOutputFields,
	},
};
