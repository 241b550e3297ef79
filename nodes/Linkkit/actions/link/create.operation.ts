/**
 * Link → Create: one short link per input item, exactly once however n8n repeats the create.
 *
 * The short code decides how: left empty, the node derives one from the create's identity and creates the link with
 * Linkkit's PUT under it (core `links.createOnce`; see ../common/execution-identity.ts), so every repeat can only
 * update this same link. Given, it is the person's own code, which never overwrites another link
 * (`createWithCode`). "Let Linkkit Pick the Code" sends Linkkit's POST (`createPicked`): a lost answer is looked for
 * among the links created since before it is sent again, and a repeat of the node run gets the recorded link back.
 */

import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { inputError, isBlank, validateBoolean, validateShortCode } from '../../../../core';
import { asJson, CREATE_CONCURRENCY, runPerItem } from '../common/execution';
import { createIdentity } from '../common/execution-identity';
import { ledgerKey, onceInRun } from '../common/execution-ledger';
import { duplicateProtectionIdOption, optionsField } from '../common/fields';
import { additionalLinkFields, destinationField, readLinkCreate, withCampaignSetting, type LinkFieldsInput } from './fields';

export const shortCodeField: INodeProperties = {
	displayName: 'Short Code',
	name: 'shortCode',
	type: 'string',
	default: '',
	placeholder: 'summer-sale',
	description: 'The part after the domain, e.g. "summer-sale" in uselinkkit.com/summer-sale: at least 3 letters, digits, "-" or "_"',
	hint: 'Leave empty for a 10-character code this node derives, so that no retry can ever create the link twice. A code you give is never taken from another link.',
};

const linkkitPicksCodeOption: INodeProperties = {
	displayName: 'Let Linkkit Pick the Code',
	name: 'linkkitPicksCode',
	type: 'boolean',
	default: false,
	description: "Whether Linkkit picks a 6-character short code instead of this node deriving one (leave Short Code empty)",
	hint: "When Linkkit's answer is lost, the node looks for the link among those created since before it sends the create again",
};

const properties: INodeProperties[] = [
	destinationField,
	shortCodeField,
	additionalLinkFields,
	optionsField([duplicateProtectionIdOption, linkkitPicksCodeOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['link'], operation: ['create'] } }, properties);

type CodeChoice = { kind: 'derived' } | { kind: 'given'; code: string } | { kind: 'linkkit' };

interface CreateInput extends LinkFieldsInput {
	code: CodeChoice;
}

function readCodeChoice(ctx: IExecuteFunctions, itemIndex: number): CodeChoice {
	const given = ctx.getNodeParameter('shortCode', itemIndex, '') as string;
	const linkkitPicks = validateBoolean('linkkitPicksCode', ctx.getNodeParameter('options.linkkitPicksCode', itemIndex, false));
	if (!isBlank(given) && linkkitPicks) {
		throw inputError('shortCode', 'is given, and "Let Linkkit Pick the Code" is on — leave Short Code empty or turn the option off');
	}
	if (!isBlank(given)) return { kind: 'given', code: validateShortCode('short_code', given) };
	return linkkitPicks ? { kind: 'linkkit' } : { kind: 'derived' };
}

export async function execute(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await runPerItem<CreateInput>(this, {
		read: (itemIndex) => ({ ...readLinkCreate(this, itemIndex), code: readCodeChoice(this, itemIndex) }),
		// The link's fields as the core checks them; the campaign setting is only fetched when the item is sent.
		check: (client, input) => client.links.createOnce('check', input.link),
		run: async (client, input, itemIndex, proceed) => {
			const link = await withCampaignSetting(client, input);
			const content = { link: input.link, campaignSettingId: input.campaignSettingId };
			switch (input.code.kind) {
				case 'given':
					return asJson((await client.links.createWithCode(input.code.code, link, { proceed })).link);
				case 'linkkit':
					return await onceInRun(this, ledgerKey('link.create', itemIndex, content), async () =>
						asJson((await client.links.createPicked(link, { proceed })).link),
					);
				default:
					return asJson((await client.links.createOnce(createIdentity(this, 'link.create', itemIndex, content), link, { proceed })).link);
			}
		},
		concurrency: CREATE_CONCURRENCY,
	});
}
