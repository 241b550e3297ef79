/** Create or Update Link: Linkkit's own upsert by short code (PUT), which is safe to send again. */
import { destinationField, activeField, linkDetailFields, shortCodeField } from '../fields/links';
import { linkCreateInput } from '../link-input';
import { linkOutputFields } from '../output-fields/link';
import { linkOutputOf } from '../outputs/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [shortCodeField('upsert'), destinationField('upsert'), ...linkDetailFields('upsert'), activeField('upsert')];

export const createOrUpdateLink = {
	key: 'create_or_update_link',
	noun: 'Link',
	display: {
		label: 'Create or Update Link',
		description: 'Creates a short link with the short code you give, or changes the link that already has it.',
	},
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const input = await linkCreateInput(client, bundle.inputData);
			return await linkOutputOf(client, (await client.links.upsert(bundle.inputData.short_code, input)).link);
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
