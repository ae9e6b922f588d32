/** The guide's schedule_meeting declaration, as one zod-defined tool both route examples share. */
import { defineTool } from '@gemgate/tools';
import { z } from 'zod';

export const guidePrompt =
  'Schedule a meeting with Bob and Alice for 03/14/2025 at 10:00 AM about the Q3 planning.';

export function scheduleMeetingTool({ log }: { log: (line: string) => void }) {
  return defineTool({
    name: 'schedule_meeting',
    description: 'Schedules a meeting with specified attendees at a given time and date.',
    parameters: z.object({
      attendees: z.array(z.string()).describe('List of people attending the meeting.'),
      date: z.string().describe("Date of the meeting (e.g., '2024-07-29')"),
      time: z.string().describe("Time of the meeting (e.g., '15:00')"),
      topic: z.string().describe('The subject or topic of the meeting.'),
    }),
    execute: ({ attendees, date, time, topic }) => {
      log(`Function to call: schedule_meeting`);
      log(`Arguments: ${JSON.stringify({ attendees, date, time, topic })}`);
      return { status: 'scheduled', meetingId: 'meeting-1' };
    },
  });
}
