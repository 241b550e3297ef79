/** Campaign Setting → Get (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedGet } from '../common/named-resource';
import { campaignSettingSpec } from './spec';

export const { description, execute } = namedGet(campaignSettingSpec);
