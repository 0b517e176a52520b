import type { Route } from '../router'
import { accountRoutes } from './accounts'
import { circleRoutes } from './circles'
import { contactDetailRoutes } from './contact-details'
import { conversationRoutes } from './conversations'
import { meLoginsRoutes } from './me-logins'
import { messageRoutes } from './messages'
import { referralConnectionRoutes } from './referral-connections'

export const routes: Route[] = [
  ...meLoginsRoutes,
  ...accountRoutes,
  ...circleRoutes,
  ...conversationRoutes,
  ...messageRoutes,
  ...contactDetailRoutes,
  ...referralConnectionRoutes,
]
