/** Campaign Setting → Get Many (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedGetMany } from '../common/named-resource';
import { campaignSettingSpec } from './spec';

export const { description, execute } = namedGetMany(campaignSettingSpec);
