/** Campaign Setting → Update (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedUpdate } from '../common/named-resource';
import { campaignSettingSpec } from './spec';

export const { description, execute } = namedUpdate(campaignSettingSpec);
