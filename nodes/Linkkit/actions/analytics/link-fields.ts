/** What the per-link analytics operations share: the link and the period. */

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { DateRangeInput } from '../../../../core';
import { dateRangeFields, readDateRange } from '../common/fields';
import { linkCodeOf } from '../common/locators';
import { linkPicker } from '../link/get.operation';

export const linkAnalyticsFields: INodeProperties[] = [{ ...linkPicker, description: 'The link whose clicks to read' }, ...dateRangeFields('last30Days')];

export interface LinkPeriod {
	code: string;
	range: DateRangeInput;
}

export function readLinkPeriod(ctx: IExecuteFunctions, itemIndex: number): LinkPeriod {
	return { code: linkCodeOf(ctx.getNodeParameter('link', itemIndex)), range: readDateRange(ctx, itemIndex) };
}
