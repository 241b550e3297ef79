/** Every resource's module (its operations and their fields), by the `resource` parameter's value. */

import * as analytics from './analytics';
import * as campaignSetting from './campaignSetting';
import * as conversion from './conversion';
import * as domain from './domain';
import * as link from './link';
import * as qrCode from './qrCode';
import * as segment from './segment';
import * as tag from './tag';
import * as workspace from './workspace';

export const resources = { link, segment, campaignSetting, tag, qrCode, domain, workspace, analytics, conversion };
