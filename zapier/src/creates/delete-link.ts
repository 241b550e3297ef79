/** Delete Link. Why a public app offers it: see "Delete Link" in zapier/README.md. */
import { shortCodeFrom } from '../../../core';
import { linkPicker } from '../fields/pickers';
import { deletedLinkOutputFields } from '../output-fields/link';
import { linkkitPerform } from '../perform';

const inputFields = [linkPicker({ helpText: 'The link to delete: pick it, or map its short code or short URL. Its short URL stops working.' })];

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
