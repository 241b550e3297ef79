/** Conversions as Linkkit sends them (every field present), with the attributed link's short URL added. */
import { shortUrlOf, type Conversion } from '../../../core';
import { linkSummary, type LinkSummary } from './link';

export type ConversionOutput = Omit<Required<Conversion>, 'link'> & { link: LinkSummary | null };

export function conversionOutput(conversion: Conversion): ConversionOutput {
	const link = conversion.link;
	return {
		id: conversion.id as string,
		type: conversion.type as ConversionOutput['type'],
		event_name: conversion.event_name ?? '',
		customer_external_id: conversion.customer_external_id ?? '',
		customer_name: conversion.customer_name ?? null,
		customer_email: conversion.customer_email ?? null,
		amount: conversion.amount ?? null,
		currency: conversion.currency ?? null,
		invoice_id: conversion.invoice_id ?? null,
		link_id: conversion.link_id ?? null,
		click_id: conversion.click_id ?? null,
		metadata: conversion.metadata ?? null,
		created_at: conversion.created_at as string,
		link: link?.short_code ? linkSummary({ ...link, short_code: link.short_code }, shortUrlOf({ short_code: link.short_code, custom_domain: link.custom_domain })) : null,
	};
}
