import { useEffect, useRef, useState } from 'react';
import { availabilityAnnouncement, type TierAvailability } from '../booking/availabilityAnnouncements';

// The page's one polite live region for availability. Tier rows are not live
// regions themselves: during an on-sale they change many times a second.
export function AvailabilityAnnouncer({ tiers, chosen }: { tiers: TierAvailability[]; chosen: Record<string, number> }) {
  const previous = useRef(tiers);
  const [message, setMessage] = useState('');
  useEffect(() => {
    const text = availabilityAnnouncement(previous.current, tiers, chosen);
    previous.current = tiers;
    if (text) setMessage(text);
  }, [tiers, chosen]);

  return (
    <p className="visually-hidden" aria-live="polite" data-testid="availability-announcer">
      {message}
    </p>
  );
}
