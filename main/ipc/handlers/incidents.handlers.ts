import { icoSource } from '../../../shared/incidents/ico-questions.catalog';
import type { IncidentService } from '../../incidents/incident-service';
import type { HandlersFor } from '../handler-types';

export interface IncidentHandlerDeps {
  readonly incidents: IncidentService;
  /** Opens a web page in the browser; absent where it cannot (the test host). */
  readonly openExternal?: (url: string) => Promise<void>;
}

/** The incident log and the one outside page it links to. */
export function createIncidentHandlers(
  deps: IncidentHandlerDeps,
): HandlersFor<
  | 'incidents:list'
  | 'incidents:add'
  | 'incidents:update'
  | 'incidents:close'
  | 'incidents:decide'
  | 'incidents:open-ico-guide'
> {
  return {
    'incidents:list': () => ({ incidents: deps.incidents.list() }),
    'incidents:add': ({ incident }) => deps.incidents.add(incident),
    'incidents:update': ({ id, incident }) => deps.incidents.update(id, incident),
    'incidents:close': ({ id, note }) => deps.incidents.close(id, note),
    'incidents:decide': ({ id, ico }) => deps.incidents.decide(id, ico),
    // The address is the catalog's constant: nothing from the window decides what is opened.
    'incidents:open-ico-guide': async () => {
      if (!deps.openExternal) return { opened: false };
      await deps.openExternal(icoSource.selfAssessmentUrl);
      return { opened: true };
    },
  };
}
