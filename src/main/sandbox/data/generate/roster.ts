/** A firm's team as the client book sees it: who leads, and who can be assigned to households and threads. */
import type { Job } from '../fixed'
import type { AccountRecord, FirmRecord } from '../world'
import type { GenerationContext } from './context'

export interface Staff {
  lead: AccountRecord
  advisers: AccountRecord[]
  paraplanners: AccountRecord[]
  administrators: AccountRecord[]
  all: AccountRecord[]
}

export function rosterOf(ctx: GenerationContext, firm: FirmRecord, leadId: string): Staff {
  const employees = (ctx.world.accountsByFirm.get(firm.uuid) ?? []).filter((a) => a.type === 'employee')
  const byJob = (job: Job) => employees.filter((e) => ctx.jobByAccount.get(e.uuid) === job)
  return {
    lead: ctx.staff(leadId), advisers: byJob('adviser'), paraplanners: byJob('paraplanner'), administrators: byJob('administrator'), all: employees,
  }
}
