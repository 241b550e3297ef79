/** Delete Link. Why a public app offers it: zapier/README.md, "Operations kept on purpose". */
import { shortCodeFrom } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { deletedLinkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';

const inputFields = [
	{
		key: 'cannot_be_undone',
		label: 'Cannot Be Undone',
		type: 'copy' as const,
		helpText:
			'**This deletes the link for good: it cannot be undone.** Its short URL stops working. To stop a link without deleting it, use Update Link and set Active to No.',
	},
	linkPicker({ helpText: 'The link to delete: pick it, or map its short code or short URL. Its short URL stops working.' }),
];

export const deleteLink = {
	key: 'delete_link',
	noun: 'Link',
	display: {
		label: 'Delete Link',
		description: 'Deletes a short link for good, freeing its place in your plan. Update Link can deactivate one instead.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => client.links.delete(shortCodeFrom('link', bundle.inputData.link))),
		sample: { short_code: 'spring26', deleted: true },
		outputFields: deletedLinkOutputFields,
	},
};
