/** Tag → Delete (built once for segments, tags and campaign settings: ../common/named-resource.ts). */

import { namedDelete } from '../common/named-resource';
import { tagSpec } from './spec';

export const { description, execute } = namedDelete(tagSpec);
