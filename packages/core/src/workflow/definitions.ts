import type { Service } from '../standard/schema';
import type { WorkflowDefinition } from './engine';
import { defineWorkflow } from './build';

const definitions = new WeakMap<Service, WorkflowDefinition>();

/**
 * The workflow of a service: its steps and the arrows of its procedure (`flow` in the office's
 * standard, docs/STANDARD.md), with the shared revision, refusal and withdrawal steps added. Built once
 * per service object, so a case worked under an earlier version of the standard keeps that version's.
 */
export const workflowFor = (service: Service): WorkflowDefinition => {
  let def = definitions.get(service);
  if (!def) {
    def = defineWorkflow(service);
    definitions.set(service, def);
  }
  return def;
};
