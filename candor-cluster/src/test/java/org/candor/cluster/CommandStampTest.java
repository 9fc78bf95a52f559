package org.candor.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.candor.protocol.sbe.ApproveHoldCommandDecoder;
import org.candor.protocol.sbe.ApproveMassActionCommandDecoder;
import org.candor.protocol.sbe.CancelAllOrdersCommandDecoder;
import org.candor.protocol.sbe.CancelOrderCommandDecoder;
import org.candor.protocol.sbe.CancelWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CompleteWithdrawalCommandDecoder;
import org.candor.protocol.sbe.CreateAssetCommandDecoder;
import org.candor.protocol.sbe.CreateMarketCommandDecoder;
import org.candor.protocol.sbe.CreateUserCommandDecoder;
import org.candor.protocol.sbe.DepositCommandDecoder;
import org.candor.protocol.sbe.FailWithdrawalCommandDecoder;
import org.candor.protocol.sbe.MoveOrderCommandDecoder;
import org.candor.protocol.sbe.PlaceHoldCommandDecoder;
import org.candor.protocol.sbe.PlaceOrderCommandDecoder;
import org.candor.protocol.sbe.ProposeMassActionCommandDecoder;
import org.candor.protocol.sbe.ReduceOrderCommandDecoder;
import org.candor.protocol.sbe.RejectHoldCommandDecoder;
import org.candor.protocol.sbe.ReleaseHoldCommandDecoder;
import org.candor.protocol.sbe.RenewHoldCommandDecoder;
import org.candor.protocol.sbe.RequestWithdrawalCommandDecoder;
import org.candor.protocol.sbe.SetBlastRadiusPolicyCommandDecoder;
import org.candor.protocol.sbe.SetHoldApprovalThresholdCommandDecoder;
import org.candor.protocol.sbe.SetMarketStatusCommandDecoder;
import org.junit.jupiter.api.Test;

/**
 * The cluster stamps every command's timestamp, and reads its client id, at one offset each; that holds only if every
 * command puts them there.
 */
class CommandStampTest {

    @Test
    void everyCommandCarriesItsTimestampAtTheSameOffset() {
        final List<Integer> offsets = List.of(CreateAssetCommandDecoder.timestampMsEncodingOffset(),
            CreateMarketCommandDecoder.timestampMsEncodingOffset(),
            SetMarketStatusCommandDecoder.timestampMsEncodingOffset(),
            CreateUserCommandDecoder.timestampMsEncodingOffset(),
            DepositCommandDecoder.timestampMsEncodingOffset(),
            RequestWithdrawalCommandDecoder.timestampMsEncodingOffset(),
            CompleteWithdrawalCommandDecoder.timestampMsEncodingOffset(),
            FailWithdrawalCommandDecoder.timestampMsEncodingOffset(),
            CancelWithdrawalCommandDecoder.timestampMsEncodingOffset(),
            PlaceHoldCommandDecoder.timestampMsEncodingOffset(),
            ReleaseHoldCommandDecoder.timestampMsEncodingOffset(),
            PlaceOrderCommandDecoder.timestampMsEncodingOffset(),
            CancelOrderCommandDecoder.timestampMsEncodingOffset(),
            CancelAllOrdersCommandDecoder.timestampMsEncodingOffset(),
            ReduceOrderCommandDecoder.timestampMsEncodingOffset(),
            MoveOrderCommandDecoder.timestampMsEncodingOffset(),
            ApproveHoldCommandDecoder.timestampMsEncodingOffset(),
            RejectHoldCommandDecoder.timestampMsEncodingOffset(),
            RenewHoldCommandDecoder.timestampMsEncodingOffset(),
            SetHoldApprovalThresholdCommandDecoder.timestampMsEncodingOffset(),
            SetBlastRadiusPolicyCommandDecoder.timestampMsEncodingOffset(),
            ProposeMassActionCommandDecoder.timestampMsEncodingOffset(),
            ApproveMassActionCommandDecoder.timestampMsEncodingOffset());
        assertThat(offsets).hasSize(23).containsOnly(CreateAssetCommandDecoder.timestampMsEncodingOffset());
        assertThat(CommandStamp.TIMESTAMP_OFFSET).isEqualTo(8 + 16);
    }

    @Test
    void everyCommandCarriesItsClientIdFirst() {
        final List<Integer> offsets = List.of(CreateAssetCommandDecoder.clientIdEncodingOffset(),
            CreateMarketCommandDecoder.clientIdEncodingOffset(),
            SetMarketStatusCommandDecoder.clientIdEncodingOffset(),
            CreateUserCommandDecoder.clientIdEncodingOffset(),
            DepositCommandDecoder.clientIdEncodingOffset(),
            RequestWithdrawalCommandDecoder.clientIdEncodingOffset(),
            CompleteWithdrawalCommandDecoder.clientIdEncodingOffset(),
            FailWithdrawalCommandDecoder.clientIdEncodingOffset(),
            CancelWithdrawalCommandDecoder.clientIdEncodingOffset(),
            PlaceHoldCommandDecoder.clientIdEncodingOffset(),
            ReleaseHoldCommandDecoder.clientIdEncodingOffset(),
            PlaceOrderCommandDecoder.clientIdEncodingOffset(),
            CancelOrderCommandDecoder.clientIdEncodingOffset(),
            CancelAllOrdersCommandDecoder.clientIdEncodingOffset(),
            ReduceOrderCommandDecoder.clientIdEncodingOffset(),
            MoveOrderCommandDecoder.clientIdEncodingOffset(),
            ApproveHoldCommandDecoder.clientIdEncodingOffset(),
            RejectHoldCommandDecoder.clientIdEncodingOffset(),
            RenewHoldCommandDecoder.clientIdEncodingOffset(),
            SetHoldApprovalThresholdCommandDecoder.clientIdEncodingOffset(),
            SetBlastRadiusPolicyCommandDecoder.clientIdEncodingOffset(),
            ProposeMassActionCommandDecoder.clientIdEncodingOffset(),
            ApproveMassActionCommandDecoder.clientIdEncodingOffset());
        assertThat(offsets).hasSize(23).containsOnly(0);
        assertThat(CommandStamp.CLIENT_ID_OFFSET).isEqualTo(8);
    }
}
