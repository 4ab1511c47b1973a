import { describe, expect, it } from 'vitest';
import * as people from './people.ts';
import * as training from './training.ts';

/**
 * A partial update sends only what changed. zod fills a field's .default()
 * even when a partial update leaves it out, which would blank every other
 * field, so no update schema of these areas may carry a default.
 */
const updates = {
  ismsRole: people.ismsRoleUpdateSchema,
  roleAssignment: people.roleAssignmentUpdateSchema,
  committeeMember: people.committeeMemberUpdateSchema,
  committeeMeeting: people.committeeMeetingUpdateSchema,
  jobDefinition: people.jobDefinitionUpdateSchema,
  competenceRequirement: people.competenceRequirementUpdateSchema,
  personCompetence: people.personCompetenceUpdateSchema,
  personAgreement: people.personAgreementUpdateSchema,
  personProfile: people.personProfileUpdateSchema,
  peopleSettings: people.peopleSettingsUpdateSchema,
  trainingCourse: training.trainingCourseUpdateSchema,
  trainingSession: training.trainingSessionUpdateSchema,
};

describe('partial updates of the people and training areas', () => {
  for (const [name, schema] of Object.entries(updates)) {
    it(`${name}: an empty update changes nothing`, () => {
      expect(schema.parse({})).toEqual({});
    });
  }
});
