import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import type { AreaId } from './areas';
import { detectArea } from './areas';
import { frontDoorNow, frontDoorSummary, type FrontDoorDirectory } from './frontDoors';

/**
 * Which local children's front door to ring now: the area from the user's words (or remembered from
 * earlier in the chat), and office hours or out of hours by the current time in Europe/London.
 */
export class LocalHelp {
  constructor(
    private readonly directory: FrontDoorDirectory,
    private readonly holidays: BankHolidayCalendar,
    private readonly now: () => Date,
  ) {}

  /** The area named in a message, if exactly one is. */
  areaIn(text: string): AreaId | undefined {
    return detectArea(text, this.directory);
  }

  /** One area's front door: the number to ring now, and what to do otherwise. */
  forArea(area: AreaId): string {
    return frontDoorNow(area, this.now(), this.directory, this.holidays).text;
  }

  /** All four areas, a line each, for when we don't know where the user is. */
  forAllAreas(): string {
    return frontDoorSummary(this.now(), this.directory, this.holidays);
  }
}
