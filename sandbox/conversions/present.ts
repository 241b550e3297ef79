/** A conversion as served: its `link` is read from the link as it is now (null once the link is gone). */
import type { Conversion, StoredConversion } from '../state/types';
import type { WorkspaceState } from '../state/workspace-state';

export function presentConversion(workspace: WorkspaceState, stored: StoredConversion): Conversion {
	const conversion: Omit<StoredConversion, 'payment_processor'> & { payment_processor?: string | null } = { ...stored };
	delete conversion.payment_processor;
	const link = conversion.link_id ? workspace.links.get(conversion.link_id) : undefined;
	return { ...conversion, link: link ? { short_code: link.short_code, title: link.title, custom_domain: link.custom_domain } : null };
}
