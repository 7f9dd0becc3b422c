import type { BankHolidayCalendar } from '../calendar/bankHolidays';
import { detectArea, matchPlace, type AreaId, type PlaceMatch } from './areas';
import { frontDoorNow, frontDoorSummary, type FrontDoors } from './frontDoorAdvice';

/**
 * Which local children's front door to ring now: the area from the user's words (or remembered from
 * earlier in the chat), and office hours or out of hours by the current time in Europe/London.
 */
export class LocalHelp {
  constructor(
    private readonly doors: FrontDoors,
    private readonly holidays: BankHolidayCalendar,
    private readonly now: () => Date,
  ) {}

  /** The area named in a message, if exactly one is. */
  areaIn(text: string): AreaId | undefined {
    return detectArea(text, this.doors.directory);
  }

  /** What a place someone typed says about the area: one, one of several (ask), or not known. */
  placeIn(text: string): PlaceMatch {
    return matchPlace(text, this.doors.directory);
  }

  /** The area's name as people say it ("Barnsley"). */
  areaName(area: AreaId): string {
    return this.doors.directory.get(area).name;
  }

  /** One area's front door: the number to ring now, and what to do otherwise. */
  forArea(area: AreaId): string {
    return frontDoorNow(area, this.now(), this.doors, this.holidays).text;
  }

  /** All four areas, a line each, for when we don't know where the user is. */
  forAllAreas(): string {
    return frontDoorSummary(this.now(), this.doors, this.holidays);
  }
}
