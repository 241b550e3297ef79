import { collect, inputError, isBlank } from '../../../core';
import { segmentPicker } from '../fields/pickers';
import { optionalText } from '../inputs';
import { linkOutputFields } from '../output-fields/link';
import { linkOutputs } from '../outputs/link';
import { linkkitPerform } from '../perform';
import { linkSample } from '../samples/link';

const inputFields = [
	{
		key: 'short_code',
		label: 'Short Code or Short URL',
		required: false,
		helpText: 'Finds the link with exactly this short code or short URL. Leave empty to search instead.',
	},
	{
		key: 'search',
		label: 'Search Text',
		required: false,
		helpText: 'Finds the newest link whose destination URL or title contains this text (any case). Used when no short code is given.',
	},
	segmentPicker({ helpText: 'With Search Text: only links in this segment. (Segments are called lists in the API.)' }),
];

export const findLink = {
	key: 'find_link',
	noun: 'Link',
	display: { label: 'Find Link', description: 'Finds a short link by its short code or short URL, or by text in its destination or title.' },
	operation: {
		inputFields,
		perform: linkkitPerform(inputFields, async (client, bundle) => {
			const { short_code: code, search } = bundle.inputData;
			if (!isBlank(code)) {
				const link = await client.links.getOrNothing(String(code));
				return link ? await linkOutputs(client, [link]) : [];
			}
			if (isBlank(search)) throw inputError('short_code', 'or Search Text is needed: give the short code or short URL, or text to search for');
			const found = await collect(client.links.iterate({ search: String(search), list_id: optionalText(bundle.inputData.list_id) }, { limit: 1 }));
			return await linkOutputs(client, found);
		}),
		sample: linkSample,
		outputFields: linkOutputFields,
	},
};
