/**
 * The trigger's fields as the core's event options. Pickers are read with the action node's `readLocator`, so a
 * value picked from the list, typed (short code, short URL, segment ID) or mapped from an expression all mean the
 * same thing; the core checks them and keys the trigger's state on the result, so equal choices keep their place.
 */

import type { IPollFunctions } from 'n8n-workflow';

import type { EventOptions, PollingEvent } from '../../core';
import { readLocator } from '../Linkkit/actions/common/locators';

const picked = (context: IPollFunctions, name: string): string | undefined => readLocator(context.getNodeParameter(name, '')).value || undefined;

export function readEventOptions(context: IPollFunctions, event: PollingEvent): EventOptions {
	switch (event) {
		case 'newLink':
		case 'updatedLink':
			return { segmentId: picked(context, 'segment') };
		case 'newClick':
			return { link: picked(context, 'link') };
		case 'newConversion':
			return { conversionType: context.getNodeParameter('conversionType', 'both') as string };
		case 'clickMilestone': {
			const milestone = context.getNodeParameter('milestone', 100);
			return context.getNodeParameter('watch', 'link') === 'segment'
				? { segmentId: picked(context, 'milestoneSegment'), milestone }
				: { link: picked(context, 'milestoneLink'), milestone };
		}
		default:
			return {};
	}
}
